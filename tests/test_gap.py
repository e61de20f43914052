"""course.gap: the sets of digits from elsewhere and the accuracy table over them."""

from __future__ import annotations

import numpy as np
import pytest

from course.gap import accuracy_table, digit_sets, format_table, official_test_set, plot_accuracy_table
from course.training import TrainConfig, accuracy, make_mlp, train


@pytest.fixture(scope="module")
def sets(bundled):
    return digit_sets(bundled, strokes_per_class=5, seed=3)


def test_digit_sets_hold_mnist_fonts_and_drawings_with_and_without_preprocessing(bundled, sets):
    assert list(sets) == ["MNIST test", "fonts", "strokes", "strokes, pad shrunk"]
    assert sets["MNIST test"][0] is bundled.x_test
    for name, (x, y) in sets.items():
        assert x.shape[1:] == (28, 28) and len(x) == len(y) and set(np.unique(y)) == set(range(10))
    assert np.array_equal(sets["strokes"][1], sets["strokes, pad shrunk"][1])
    assert not np.allclose(sets["strokes"][0], sets["strokes, pad shrunk"][0])


def test_the_official_set_is_added_only_when_its_files_are_there(bundled, tmp_path, monkeypatch):
    monkeypatch.setenv("MNIST_DIR", str(tmp_path))
    assert official_test_set() is None
    assert "official 10k" not in digit_sets(bundled, strokes_per_class=1, official=True)


def test_accuracy_table_is_the_accuracy_of_each_network_on_each_set(bundled, sets):
    m = make_mlp((784, 16, 10))
    train(m, bundled.x_train, bundled.y_train, TrainConfig(epochs=1, lr=0.1), progress=False)
    models = {"trained": m, "untrained": make_mlp((784, 16, 10), seed=5)}
    table = accuracy_table(models, sets)
    for name, model in models.items():
        for s, (x, y) in sets.items():
            assert table[name][s] == accuracy(model, x, y)
    text = format_table(table)
    assert text.splitlines()[0].split() == ["MNIST", "test", "fonts", "strokes", "strokes,", "pad", "shrunk"]
    assert f"{table['trained']['fonts']:.1%}" in text.splitlines()[1]
    ax = plot_accuracy_table(table)
    assert len(ax.patches) == len(models) * len(sets)
    heights = sorted(round(p.get_height(), 6) for p in ax.patches)
    assert heights == sorted(round(100 * v, 6) for row in table.values() for v in row.values())
