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


def right_backward(net, x, target, lr, steps):
    cur = x.clone().detach()
    for _ in range(steps):
        cur.requires_grad_(True)
        if cur.grad is not None:
            cur.grad = None
        torch.log_softmax(net(cur), dim=1)[:, target].sum().backward()
        with torch.no_grad():
            cur = torch.clamp(cur + lr * cur.grad, 0.0, 1.0)
    return cur.detach()


def right_cross_entropy(net, x, target, lr, steps):
    out = x.detach()
    for _ in range(steps):
        v = out.clone().requires_grad_(True)
        labels = torch.full((v.shape[0],), target, dtype=torch.long)
        # log p_t summed over the batch = -cross_entropy with reduction "sum"
        objective = -F.cross_entropy(net(v), labels, reduction="sum")
        g, = torch.autograd.grad(objective, v)
        out = torch.clip(v.detach() + lr * g, 0, 1)
    return out


def wrong_logit(net, x, target, lr, steps):
    """Climbs the logit s_t instead of log p_t (no log_softmax)."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(net(x)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_probability(net, x, target, lr, steps):
    """Climbs the probability p_t (softmax) instead of its log."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_batch_mean(net, x, target, lr, steps):
    """Differentiates the mean of log p_t over the batch instead of the sum, so each image's step is n times too small."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].mean(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()


def wrong_no_clip(net, x, target, lr, steps):
    """Forgets to clip the pixels to [0, 1] after each step."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = x + lr * grad
    return x.detach()


def wrong_in_place(net, x, target, lr, steps):
    """Updates the given x in place (x.add_ under no_grad), so the caller's images change."""
    x.requires_grad_(True)
    for _ in range(steps):
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        with torch.no_grad():
            x.add_(lr * grad).clamp_(0, 1)
    x.requires_grad_(False)
    return x.detach()


def wrong_descent(net, x, target, lr, steps):
    """Steps against the gradient (x − η∇), which lowers log p_t instead of raising it."""
    x = x.detach().clone()
    for _ in range(steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x - lr * grad).clamp(0, 1)
    return x.detach()


def wrong_one_step_short(net, x, target, lr, steps):
    """Off by one: range(1, steps) takes steps − 1 steps."""
    x = x.detach().clone()
    for _ in range(1, steps):
        x = x.detach().requires_grad_(True)
        grad, = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1)
    return x.detach()
