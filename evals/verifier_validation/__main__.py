from evals.verifier_validation.cli import main

raise SystemExit(main())
