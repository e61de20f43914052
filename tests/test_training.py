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


class _Planted:
    """An object whose unpickling would run code: it creates the file named in it."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_cache_file_that_would_run_code_is_not_run_but_retrained(small, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_MODEL_CACHE", str(tmp_path / "cache"))
    x, y, *_ = small
    cfg = TrainConfig(epochs=1)
    cached_train("m", make_mlp((784, 8, 10)), x, y, cfg, progress=False, verbose=False)
    (path,) = (tmp_path / "cache").glob("m-*.pt")
    marker = tmp_path / "code-was-run"
    saved = torch.load(path, weights_only=True)
    saved["history"] = _Planted(marker)          # a pickle that opens a file when loaded
    torch.save(saved, path)
    *_, hit = cached_train("m", make_mlp((784, 8, 10)), x, y, cfg, progress=False, verbose=False)
    assert hit is False and not marker.exists()
    # the retrained model replaced the planted file with one that loads as plain data
    assert torch.load(path, weights_only=True)["history"]["train_loss"]


# Two kernels train the same model at once. Each process waits, inside torch.save, until
# both are saving, and lingers there, so the two writes overlap for certain.
_WRITER = r"""
import os, sys, time, torch
from course.data import load_mnist
from course.training import TrainConfig, cached_train, make_mlp
ready = sys.argv[1]
real_save = torch.save
def overlapping_save(obj, f, *args, **kwargs):
    open(os.path.join(ready, str(os.getpid())), "w").close()
    deadline = time.monotonic() + 60
    while len(os.listdir(ready)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    real_save(obj, f, *args, **kwargs)
    time.sleep(0.5)
torch.save = overlapping_save
d = load_mnist("bundled", verbose=False)
model, history, hit = cached_train("race", make_mlp((784, 16, 10)), d.x_train[:300],
                                   d.y_train[:300], TrainConfig(epochs=1), progress=False,
                                   verbose=False)
print(hit, float(sum(p.sum() for p in model.parameters())))
"""


def test_two_processes_training_the_same_model_at_once_leave_one_whole_cache_file(tmp_path):
    import os
    import subprocess
    import sys

    cache, ready = tmp_path / "cache", tmp_path / "ready"
    ready.mkdir()
    env = os.environ | {"COURSE_MODEL_CACHE": str(cache)}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(ready)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, f"a writer failed:\n{err}"
    assert len(os.listdir(ready)) == 2, "the two writes did not overlap"
    results = [out.split() for out, _ in outs]
    assert [r[0] for r in results] == ["False", "False"]   # both trained
    assert results[0][1] == results[1][1]                  # the same model
    files = sorted(p.name for p in cache.iterdir())
    assert len(files) == 1 and files[0].startswith("race-") and files[0].endswith(".pt"), files
    saved = torch.load(cache / files[0], weights_only=True)
    model = make_mlp((784, 16, 10))
    model.load_state_dict(saved["state_dict"])
    with torch.no_grad():
        assert f"{float(sum(p.sum() for p in model.parameters()))}" == results[0][1]


def test_classic_augmentation_draws_as_it_always_did(small):
    from course.training import CLASSIC, augment_digits
    x = torch.from_numpy(small[0][:32].reshape(32, -1).astype(np.float32) / 255)
    # the classic recipe: one angle and one shift per image, nothing else drawn
    g = torch.Generator().manual_seed(3)
    angle = (torch.rand(32, generator=g) * 2 - 1) * (10 * np.pi / 180)
    shift = (torch.rand(32, 2, generator=g) * 2 - 1) * (2 / 14)
    theta = torch.stack([torch.stack([angle.cos(), -angle.sin(), shift[:, 0]], 1),
                         torch.stack([angle.sin(), angle.cos(), shift[:, 1]], 1)], 1)
    grid = torch.nn.functional.affine_grid(theta, (32, 1, 28, 28), align_corners=False)
    expected = torch.nn.functional.grid_sample(x.reshape(32, 1, 28, 28), grid, align_corners=False)
    out = augment_digits(x, torch.Generator().manual_seed(3), CLASSIC)
    assert torch.equal(out, expected.reshape(32, 784))


def _one_change(x, **kwargs):
    from course.training import Augmentation, augment_digits
    aug = Augmentation(**({"shift": 0.0, "rotate": 0.0} | kwargs))
    return augment_digits(x, torch.Generator().manual_seed(0), aug, torch.ones(len(x), dtype=torch.long))


def test_each_drawn_digit_change_does_what_it_says(small):
    from course.preprocess import bounding_box
    from course.strokes import stroke_width
    x = torch.from_numpy(small[0][:64].reshape(64, -1).astype(np.float32) / 255)
    def widths(t):
        return np.array([stroke_width(i.reshape(28, 28).numpy()) for i in t])
    def heights(t):
        return np.array([(lambda b: b[1] - b[0])(bounding_box(i.reshape(28, 28).numpy())) for i in t])
    assert np.all(widths(_one_change(x, thickness=(1.0, 1.0))) > widths(x))           # bolder
    assert np.median(widths(_one_change(x, thickness=(-0.5, -0.5)))) < np.median(widths(x))
    assert np.all(heights(_one_change(x, scale=(1.25, 1.25))) >= heights(x))           # larger
    assert np.median(heights(_one_change(x, scale=(0.7, 0.7))) / heights(x)) == pytest.approx(0.7, abs=0.08)
    slanted = _one_change(x, slant=0.3)
    assert not torch.equal(slanted, x) and torch.allclose(slanted.sum(1), x.sum(1), rtol=0.1)
    wobbly = _one_change(x, elastic=1.5)
    assert 0 < float((wobbly - x).abs().mean()) and np.median(
        [np.corrcoef(a, b)[0, 1] for a, b in zip(wobbly.numpy(), x.numpy())]) > 0.7
    # printed ones: ink is only added, above and below the 1 (flag, foot), and only to 1s
    printed = _one_change(x, printed_ones=1.0)
    assert torch.all(printed >= x - 1e-5) and float((printed - x).sum()) > 0   # (resampling rounds)
    from course.training import Augmentation, augment_digits
    labels = torch.full((64,), 7)
    same = augment_digits(x, torch.Generator().manual_seed(0),
                          Augmentation(shift=0.0, rotate=0.0, printed_ones=1.0), labels)
    assert torch.allclose(same, x, atol=1e-5)
    with pytest.raises(ValueError, match="labels"):
        augment_digits(x, torch.Generator(), Augmentation(printed_ones=0.5))


@pytest.mark.parametrize("kwargs, message", [
    (dict(scale=(1.2, 0.8)), "scale"), (dict(scale=(0.0, 1.0)), "scale"),
    (dict(thickness=(1.0, -1.0)), "thickness"), (dict(thickness=(-2.0, 0.0)), "thickness"),
    (dict(slant=-0.1), "slant"), (dict(elastic=float("nan")), "elastic"),
    (dict(printed_ones=1.5), "printed_ones")])
def test_bad_augmentation_is_refused_with_the_field_named(small, kwargs, message):
    from course.training import Augmentation
    x, y, *_ = small
    with pytest.raises(ValueError, match=message):
        train(make_mlp((784, 10)), x, y, TrainConfig(augment=Augmentation(**kwargs)), progress=False)


def test_onecycle_label_smoothing_and_running_metrics(small):
    x, y, xt, yt = small
    cfg = TrainConfig(epochs=3, lr=3e-3, optimizer="adamw", schedule="onecycle", label_smoothing=0.1)
    rates = []
    model = make_cnn(seed=0, batchnorm=True)
    h = train(model, x, y, cfg, progress=False, train_metrics="running",
              callback=lambda e, hist: rates.append(None))
    assert len(h.train_loss) == 3 and 0 < h.train_accuracy[-1] <= 1
    # running metrics are measured on the batches; the full ones on every digit after the epoch
    model2 = make_cnn(seed=0, batchnorm=True)
    h2 = train(model2, x, y, cfg, progress=False)
    for a, b in zip(model.state_dict().values(), model2.state_dict().values()):
        assert torch.equal(a, b)                     # how it is measured changes nothing
    assert h2.train_accuracy[-1] == pytest.approx(accuracy(model2, x, y))
    with pytest.raises(ValueError, match="train_metrics"):
        train(model, x, y, cfg, progress=False, train_metrics="sometimes")
    with pytest.raises(ValueError, match="schedule"):
        train(model, x, y, TrainConfig(schedule="cosine"), progress=False)


def test_channels_last_training_gives_an_equally_good_network_in_the_usual_layout(small):
    import copy
    from dataclasses import replace
    x, y, xt, yt = small
    a = make_cnn(seed=0, batchnorm=True)
    b = copy.deepcopy(a).to(memory_format=torch.channels_last)
    xb = torch.from_numpy(x[:64].reshape(64, -1).astype(np.float32) / 255)
    for m in (a, b):                                # the same function, laid out otherwise
        m.eval()
        torch.nn.functional.cross_entropy(m(xb), torch.from_numpy(y[:64])).backward()
    assert torch.allclose(a(xb), b(xb), atol=1e-5)
    for p, q in zip(a.parameters(), b.parameters()):
        assert torch.allclose(p.grad, q.grad, atol=1e-5)
    cfg = TrainConfig(epochs=2, lr=3e-3, optimizer="adam")
    a, b = make_cnn(seed=0, batchnorm=True), make_cnn(seed=0, batchnorm=True)
    train(a, x, y, cfg, progress=False)
    train(b, x, y, replace(cfg, channels_last=True), progress=False)
    assert all(p.is_contiguous() for p in b.parameters())
    assert abs(accuracy(a, xt, yt) - accuracy(b, xt, yt)) < 0.05


def test_make_cnn_with_three_blocks_and_batch_norm():
    m = make_cnn((8, 16, 32), hidden=20, batchnorm=True)
    assert sum(isinstance(l, torch.nn.BatchNorm2d) for l in m) == 3
    assert m(torch.rand(5, 784)).shape == (5, 10)
    assert [type(l) for l in make_cnn()] == [type(l) for l in make_cnn(batchnorm=False)]
    with pytest.raises(ValueError, match="two or three"):
        make_cnn((8,))


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
