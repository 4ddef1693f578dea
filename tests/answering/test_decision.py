"""The fitted answer-or-decline model: parameters applied as scikit-learn fitted them, threshold respected."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.answering.decision import FEATURE_NAMES, MODEL_PATH, DecisionModel, asked_values


def _params(threshold: float) -> dict:
    n = len(FEATURE_NAMES)
    coef = np.zeros((4, n))
    coef[0, 0] = 4.0  # answerable rises with the top passage's similarity
    coef[1, 0] = -4.0  # near_scope falls with it
    return {
        "classes": ["answerable", "clinical", "near_scope", "off_topic"],
        "mean": [0.0] * n,
        "scale": [1.0] * n,
        "coef": coef.tolist(),
        "intercept": [0.0, -5.0, 0.0, -5.0],
        "answer_threshold": threshold,
        "embedding": False,
    }


def test_probabilities_match_scikit_learn() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    x = rng.normal(size=(80, len(FEATURE_NAMES)))
    y = np.where(x[:, 0] > 0, "answerable", np.where(x[:, 1] > 0, "near_scope", "off_topic"))
    model = LogisticRegression(max_iter=500).fit(x, y)
    params = {
        "classes": list(model.classes_),
        "mean": [0.0] * x.shape[1],
        "scale": [1.0] * x.shape[1],
        "coef": model.coef_.tolist(),
        "intercept": model.intercept_.tolist(),
        "answer_threshold": 0.5,
    }
    ours = DecisionModel(params).probabilities(list(x[0]), [])
    theirs = model.predict_proba(x[:1])[0]
    assert [ours[c] for c in model.classes_] == pytest.approx(list(theirs), abs=1e-9)


def test_the_answer_threshold_decides_and_a_decline_names_its_class() -> None:
    strong = [0.9] + [0.0] * (len(FEATURE_NAMES) - 1)
    weak = [-0.5] + [0.0] * (len(FEATURE_NAMES) - 1)
    lenient, strict = DecisionModel(_params(0.5)), DecisionModel(_params(0.999))
    assert lenient.decide("q", strong, []).answer
    assert not strict.decide("q", strong, []).answer
    declined = lenient.decide("what does ACCME charge?", weak, [])
    assert declined.label == "near_scope" and declined.asks == ("fee",)


def test_what_a_question_asks_for() -> None:
    assert asked_values("what does ACCME charge for initial accreditation?") == ("fee",)
    assert "recent" in asked_values("What did the ACCME board decide at its meeting last month?")
    assert "best" in asked_values("Which LMS is best for hosting enduring materials?")
    assert "ours" in asked_values("When is our next self-study due?")
    assert asked_values("How far back do disclosures go?") == ()


def test_the_shipped_model_is_complete() -> None:
    params = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = DecisionModel(params)
    width = len(FEATURE_NAMES) + (384 if model.use_embedding else 0)
    assert model.coef.shape == (len(model.classes), width)
    assert set(model.classes) == {"answerable", "near_scope", "clinical", "off_topic"}
    assert 0.0 < model.threshold < 1.0
    assert "held_out" in params["report"]
