import torch


def right_autograd_grad(net, x, target, lr, steps):
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].sum()
        (g,) = torch.autograd.grad(logp, x)
        x = (x + lr * g).clamp(0, 1).detach()
    return x.detach()


def right_backward(net, x, target, lr, steps):
    cur = x.clone().detach()
    for _ in range(steps):
        cur = cur.detach().requires_grad_(True)
        out = torch.log_softmax(net(cur), dim=1)
        out[:, target].sum().backward()
        with torch.no_grad():
            cur = torch.clamp(cur + lr * cur.grad, 0.0, 1.0)
    return cur.detach()


def right_log_prob_explicit(net, x, target, lr, steps):
    cur = x.detach()
    for _ in range(steps):
        v = cur.clone().requires_grad_(True)
        logits = net(v)
        logp = logits[:, target] - torch.logsumexp(logits, dim=1)
        (g,) = torch.autograd.grad(logp.sum(), v)
        cur = torch.clip(v.detach() + lr * g, min=0.0, max=1.0)
    return cur


def wrong_logit_not_log_prob(net, x, target, lr, steps):
    """Climbs the raw logit of the target instead of log p_t (no log_softmax)."""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(net(x)[:, target].sum(), x)
        x = (x + lr * g).clamp(0, 1).detach()
    return x


def wrong_probability_not_log(net, x, target, lr, steps):
    """Climbs p_t (softmax) instead of log p_t."""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(torch.softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * g).clamp(0, 1).detach()
    return x


def wrong_descent(net, x, target, lr, steps):
    """Sign: steps down the gradient (x − η∇) instead of up."""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x - lr * g).clamp(0, 1).detach()
    return x


def wrong_no_clip(net, x, target, lr, steps):
    """Forgets to clip the pixels to [0, 1] after each step."""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * g).detach()
    return x


def wrong_clip_once_at_end(net, x, target, lr, steps):
    """Clips only once after all the steps instead of after every step."""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * g).detach()
    return x.clamp(0, 1)


def wrong_changes_input_in_place(net, x, target, lr, steps):
    """Updates the given x in place (x.data +=), so the caller's images change."""
    x.requires_grad_(True)
    for _ in range(steps):
        if x.grad is not None:
            x.grad.zero_()
        torch.log_softmax(net(x), dim=1)[:, target].sum().backward()
        x.data += lr * x.grad
        x.data.clamp_(0, 1)
    x.requires_grad_(False)
    return x.detach()


def wrong_mean_over_batch(net, x, target, lr, steps):
    """Takes the gradient of the batch mean of log p_t, so each image's step shrinks by 1/n."""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (g,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].mean(), x)
        x = (x + lr * g).clamp(0, 1).detach()
    return x
