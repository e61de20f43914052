"""Attempts at ch05a.ascend, written from the question and the notebook only."""

import torch
import torch.nn.functional as F


def right_autograd(net, x, target, lr, steps):
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].sum()
        grad, = torch.autograd.grad(logp, x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def right_backward(net, x, target, lr, steps):
    x = x.clone().detach()
    for _ in range(steps):
        x.requires_grad_(True)
        if x.grad is not None:
            x.grad = None
        logp = torch.log_softmax(net(x), dim=1)
        logp[:, target].sum().backward()
        with torch.no_grad():
            x = torch.clamp(x + lr * x.grad, 0.0, 1.0)
    return x.detach()


def right_cross_entropy(net, x, target, lr, steps):
    t = torch.full((x.shape[0],), int(target), dtype=torch.long)
    cur = x.detach().clone()
    for _ in range(steps):
        cur.requires_grad_(True)
        objective = -F.cross_entropy(net(cur), t, reduction="sum")   # sum of log p_t
        grad, = torch.autograd.grad(objective, cur)
        cur = torch.clamp(cur.detach() + lr * grad, min=0, max=1)
    return cur


def wrong_logit(net, x, target, lr, steps):
    """Climbs the logit (score) of the target, not log p_t."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(net(x)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_probability(net, x, target, lr, steps):
    """Climbs p_t, the softmax probability, not its log."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_descends(net, x, target, lr, steps):
    """Steps against the gradient (x - lr * grad), as in training."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x - lr * grad).clamp(0, 1)
    return x.detach()


def wrong_no_clip(net, x, target, lr, steps):
    """Forgets the clip: pixels leave [0, 1]."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = x + lr * grad
    return x.detach()


def wrong_clip_at_end(net, x, target, lr, steps):
    """Clips once after all the steps instead of after every step."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = x + lr * grad
    return x.detach().clamp(0, 1)


def wrong_mean_over_batch(net, x, target, lr, steps):
    """Takes the gradient of the batch's mean log p_t, so each image's step is divided by n."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].mean(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_detach_shares_memory(net, x, target, lr, steps):
    """Updates in place on x.detach(), which shares memory with x, so the caller's x changes."""
    x = x.detach()
    for _ in range(steps):
        xg = x.clone().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(xg), dim=1)[:, target].sum(), xg)
        x += lr * grad
        x.clamp_(0, 1)
    return x


def wrong_softmax_dim0(net, x, target, lr, steps):
    """Takes log_softmax over dim=0 (across the batch) instead of over the classes."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=0)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_not_detached(net, x, target, lr, steps):
    """Returns the last step's result with its gradient history (not detached)."""
    x = x.detach().clone().requires_grad_(True)
    cur = x
    for _ in range(steps):
        grad, = torch.autograd.grad(torch.log_softmax(net(cur), dim=1)[:, target].sum(), cur)
        cur = (cur + lr * grad).clamp(0, 1)
    return cur
