"""course.training: seeded training, the stop event, augmentation, and the model cache."""

from __future__ import annotations

import os
import threading

import numpy as np
import pytest
import torch

from course.mlp import MLP
from course.training import (TrainConfig, _augment, accuracy, cached_train, make_cnn, make_mlp,
                             predict, torch_threads, train)


@pytest.fixture
def small(bundled):
    """400 training and 200 test digits: enough to see learning, fast enough for a unit test."""
    return bundled.x_train[::10], bundled.y_train[::10], bundled.x_test[::5], bundled.y_test[::5]


def test_torch_mlp_computes_what_the_numpy_mlp_computes():
    ours = MLP([784, 16, 16, 10], activation="sigmoid", loss="cross_entropy", seed=3)
    theirs = make_mlp((784, 16, 16, 10), activation="sigmoid").double()
    linears = [m for m in theirs if isinstance(m, torch.nn.Linear)]
    with torch.no_grad():
        for lin, W, b in zip(linears, ours.W, ours.b):
            lin.weight.copy_(torch.from_numpy(W))
            lin.bias.copy_(torch.from_numpy(b))
    x = np.random.default_rng(0).random((5, 784))
    probs = torch.softmax(theirs(torch.from_numpy(x)), dim=1).detach().numpy()
    np.testing.assert_allclose(probs, ours.forward(x), rtol=1e-12, atol=1e-14)


def test_training_raises_accuracy_and_records_every_epoch(small):
    x, y, xt, yt = small
    model = make_mlp((784, 64, 10))
    before = accuracy(model, xt, yt)
    h = train(model, x, y, TrainConfig(epochs=4, lr=0.1, batch_size=32), test=(xt, yt), progress=False)
    assert len(h.train_loss) == len(h.test_accuracy) == 4
    assert h.train_loss[-1] < h.train_loss[0]
    assert accuracy(model, xt, yt) > max(0.6, before + 0.3)
    assert h.test_accuracy[-1] == pytest.approx(accuracy(model, xt, yt))


def test_same_seed_same_model_other_seed_other_model(small):
    x, y, *_ = small
    def weights(seed):
        m = make_cnn(seed=0)
        train(m, x, y, TrainConfig(epochs=1, lr=0.01, optimizer="adam", augment=True, seed=seed), progress=False)
        return torch.cat([p.detach().ravel() for p in m.parameters()])
    assert torch.equal(weights(1), weights(1))
    assert not torch.equal(weights(1), weights(2))


def test_stop_event_stops_and_leaves_a_usable_model(small):
    x, y, xt, yt = small
    stop = threading.Event()
    model = make_mlp((784, 32, 10))
    h = train(model, x, y, TrainConfig(epochs=50, lr=0.1), test=(xt, yt), progress=False,
              callback=lambda epoch, hist: stop.set() if epoch == 1 else None, stop=stop)
    assert len(h.train_loss) == 2
    assert predict(model, xt).shape == (len(xt),) and accuracy(model, xt, yt) > 0.3


def test_augmentation_moves_pixels_but_keeps_the_digit(small):
    x = torch.from_numpy(small[0][:64].reshape(64, -1).astype(np.float32) / 255)
    out = _augment(x, torch.Generator().manual_seed(0))
    assert out.shape == x.shape and not torch.equal(out, x)
    # Small shifts and rotations keep most of the ink and keep the image correlated with itself.
    ink_ratio = out.sum(1) / x.sum(1)
    assert float(ink_ratio.min()) > 0.8 and float(ink_ratio.max()) < 1.2
    corr = [np.corrcoef(a, b)[0, 1] for a, b in zip(out.numpy(), x.numpy())]
    assert np.median(corr) > 0.5


def test_cache_reuses_a_model_and_retrains_when_anything_changes(small, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_CACHE", str(tmp_path))
    x, y, xt, yt = small
    cfg = TrainConfig(epochs=1, lr=0.1)
    m1, h1, hit1 = cached_train("mlp", make_mlp((784, 32, 10)), x, y, cfg, progress=False, verbose=False)
    m2, h2, hit2 = cached_train("mlp", make_mlp((784, 32, 10)), x, y, cfg, progress=False, verbose=False)
    assert (hit1, hit2) == (False, True) and h1 == h2
    for a, b in zip(m1.parameters(), m2.parameters()):
        assert torch.equal(a, b)
    changed = [
        dict(model=make_mlp((784, 33, 10))),               # architecture
        dict(x=x[:-1], y=y[:-1]),                          # data
        dict(cfg=TrainConfig(epochs=1, lr=0.05)),          # a hyper-parameter
        dict(model=make_mlp((784, 32, 10), seed=1)),       # initial weights
    ]
    for change in changed:
        args = dict(model=make_mlp((784, 32, 10)), x=x, y=y, cfg=cfg) | change
        *_, hit = cached_train("mlp", args["model"], args["x"], args["y"], args["cfg"],
                               progress=False, verbose=False)
        assert hit is False, change
    assert len(list(tmp_path.glob("mlp-*.pt"))) == 5


def test_cache_shares_a_model_between_uint8_digits_and_the_same_digits_as_floats(small, tmp_path,
                                                                                 monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_CACHE", str(tmp_path))
    x, y, *_ = small
    cfg = TrainConfig(epochs=1, lr=0.1)
    *_, hit1 = cached_train("mlp", make_mlp((784, 32, 10)), x, y, cfg, progress=False, verbose=False)
    floats = x.astype(np.float32) / np.float32(255)
    *_, hit2 = cached_train("mlp", make_mlp((784, 32, 10)), floats, y.astype(np.int32), cfg,
                            progress=False, verbose=False)
    *_, hit3 = cached_train("mlp", make_mlp((784, 32, 10)), floats * 0.5, y, cfg,
                            progress=False, verbose=False)
    assert (hit1, hit2, hit3) == (False, True, False)


def test_damaged_cache_file_is_retrained(small, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_CACHE", str(tmp_path))
    x, y, *_ = small
    cached_train("m", make_mlp((784, 8, 10)), x, y, TrainConfig(epochs=1), progress=False, verbose=False)
    (path,) = tmp_path.glob("m-*.pt")
    path.write_bytes(b"not a model")
    *_, hit = cached_train("m", make_mlp((784, 8, 10)), x, y, TrainConfig(epochs=1), progress=False, verbose=False)
    assert hit is False


@pytest.mark.parametrize("kwargs, message", [
    (dict(lr=0), "learning rate"), (dict(lr=-0.1), "learning rate"), (dict(epochs=0), "epochs"),
    (dict(batch_size=0), "batch_size"), (dict(optimizer="rmsprop"), "optimizer"),
    (dict(loss="hinge"), "loss"), (dict(weight_decay=-1.0), "weight_decay"),
])
def test_bad_config_is_refused_with_the_argument_named(small, kwargs, message):
    x, y, *_ = small
    with pytest.raises(ValueError, match=message):
        train(make_mlp((784, 10)), x, y, TrainConfig(**kwargs), progress=False)


def test_bad_shapes_are_refused(small):
    x, y, *_ = small
    with pytest.raises(ValueError, match="labels"):
        train(make_mlp((784, 10)), x, y[:-1], TrainConfig(epochs=1), progress=False)
    with pytest.raises(ValueError, match="shape"):
        predict(make_mlp((784, 10)), np.zeros((3, 10, 10)))
    with pytest.raises(ValueError, match="sizes"):
        make_mlp((784,))


def test_training_uses_one_thread_and_restores_the_setting(small):
    x, y, *_ = small
    seen = []
    before = torch.get_num_threads()
    train(make_mlp((784, 8, 10)), x, y, TrainConfig(epochs=2), progress=False,
          callback=lambda e, h: seen.append(torch.get_num_threads()))
    assert seen == [1, 1] and torch.get_num_threads() == before
    with pytest.raises(ValueError, match="threads"):
        with torch_threads(0):
            pass


def test_shared_model_folder_is_read_but_never_written(small, tmp_path, monkeypatch):
    """A class's read-only folder of trained models ($COURSE_SHARED_MODELS) is used after the
    learner's own cache; what is trained goes to the learner's cache, never the shared one."""
    x, y, *_ = small
    shared, own, other = tmp_path / "shared", tmp_path / "own", tmp_path / "other"
    monkeypatch.setenv("COURSE_MODEL_CACHE", str(shared))  # the teacher fills the shared folder
    m0, h0, _ = cached_train("m", make_mlp((784, 8, 10)), x, y, TrainConfig(epochs=1), progress=False, verbose=False)
    (saved,) = shared.glob("m-*.pt")
    shared.chmod(0o555)
    saved.chmod(0o444)
    try:
        monkeypatch.setenv("COURSE_MODEL_CACHE", str(own))
        monkeypatch.setenv("COURSE_SHARED_MODELS", f"{other}{os.pathsep}{shared}")
        m1, h1, hit = cached_train("m", make_mlp((784, 8, 10)), x, y, TrainConfig(epochs=1),
                                   progress=False, verbose=False)
        assert hit is True and h1 == h0 and not own.exists()
        for a, b in zip(m0.state_dict().values(), m1.state_dict().values()):
            assert torch.equal(a, b)
        # A model the shared folder lacks is trained and saved in the learner's own cache.
        *_, hit = cached_train("m", make_mlp((784, 9, 10)), x, y, TrainConfig(epochs=1),
                               progress=False, verbose=False)
        assert hit is False and len(list(own.glob("m-*.pt"))) == 1
        assert [p.name for p in shared.iterdir()] == [saved.name]
    finally:
        shared.chmod(0o755)
