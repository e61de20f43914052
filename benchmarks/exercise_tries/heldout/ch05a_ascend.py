import torch
import torch.nn.functional as F


def right_autograd_grad(net, x, target, lr, steps):
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].sum()
        grad, = torch.autograd.grad(logp, x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def right_backward_gather(net, x, target, lr, steps):
    cur = x.clone()
    t = torch.full((x.shape[0],), int(target), dtype=torch.long)
    for _ in range(steps):
        leaf = cur.detach().requires_grad_(True)
        logp = F.log_softmax(net(leaf), dim=1).gather(1, t[:, None])
        logp.sum().backward()
        with torch.no_grad():
            cur = torch.clamp(leaf + lr * leaf.grad, min=0.0, max=1.0)
    return cur.detach()


def right_cross_entropy_sum(net, x, target, lr, steps):
    t = torch.full((x.shape[0],), int(target), dtype=torch.long)
    out = x.detach()
    for _ in range(steps):
        leaf = out.clone().requires_grad_(True)
        loss = F.cross_entropy(net(leaf), t, reduction="sum")   # = -sum log p_t
        g, = torch.autograd.grad(loss, leaf)
        out = (out - lr * g).clamp(0, 1)
    return out


def wrong_descent(net, x, target, lr, steps):
    """Gradient descent on log p_t (x - lr * grad) instead of ascent."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].sum()
        grad, = torch.autograd.grad(logp, x)
        x = (x - lr * grad).clamp(0, 1)
    return x.detach()


def wrong_probability_not_log(net, x, target, lr, steps):
    """Climbs the probability p_t (softmax) instead of its log, log p_t."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        p = torch.softmax(net(x), dim=1)[:, target].sum()
        grad, = torch.autograd.grad(p, x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_raw_logit(net, x, target, lr, steps):
    """Climbs the raw logit of the target (no log_softmax), so the other classes are ignored."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(net(x)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_softmax_dim0(net, x, target, lr, steps):
    """log_softmax over dim=0 (across the batch) instead of over the ten classes."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=0)[:, target].sum()
        grad, = torch.autograd.grad(logp, x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_mean_over_batch(net, x, target, lr, steps):
    """Mean of log p_t over the batch instead of the sum, so each image's step is divided by n."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].mean()
        grad, = torch.autograd.grad(logp, x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_clip_once_at_end(net, x, target, lr, steps):
    """Clips into [0, 1] only once after the last step, not after every step."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].sum()
        grad, = torch.autograd.grad(logp, x)
        x = x + lr * grad
    return x.detach().clamp(0, 1)


def wrong_in_place_on_input(net, x, target, lr, steps):
    """Updates the given x in place (x.data += ...), so the caller's images change."""
    for _ in range(steps):
        x.requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].sum()
        grad, = torch.autograd.grad(logp, x)
        x.requires_grad_(False)
        x.data.add_(lr * grad).clamp_(0, 1)
    return x.detach()
