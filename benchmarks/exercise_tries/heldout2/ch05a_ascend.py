import torch


def right_autograd(net, x, target, lr, steps):
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        logp = torch.log_softmax(net(x), dim=1)[:, target].sum()
        (grad,) = torch.autograd.grad(logp, x)
        x = (x + lr * grad).clamp(0, 1).detach()
    return x


def right_backward(net, x, target, lr, steps):
    cur = x.clone().detach()
    for _ in range(steps):
        v = cur.clone().requires_grad_(True)
        out = net(v)
        lp = out[:, target] - torch.logsumexp(out, dim=1)
        lp.sum().backward()
        with torch.no_grad():
            cur = torch.clamp(cur + lr * v.grad, 0.0, 1.0)
    return cur.detach()


def right_grad_outputs(net, x, target, lr, steps):
    cur = x.detach()
    for _ in range(steps):
        cur = cur.clone().requires_grad_()
        lp = torch.nn.functional.log_softmax(net(cur), dim=-1)[:, target]
        (g,) = torch.autograd.grad(lp, cur, grad_outputs=torch.ones_like(lp))
        cur = torch.clip(cur.detach() + lr * g, 0, 1)
    return cur


def wrong_logit(net, x, target, lr, steps):
    """ascends the raw logit of the target, not log p_t (no log_softmax)"""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (grad,) = torch.autograd.grad(net(x)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1).detach()
    return x


def wrong_descent(net, x, target, lr, steps):
    """sign: subtracts the gradient (descent on log p_t instead of ascent)"""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (grad,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x - lr * grad).clamp(0, 1).detach()
    return x


def wrong_mean(net, x, target, lr, steps):
    """takes the mean of log p_t over the batch, so each image's gradient is divided by n"""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (grad,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].mean(), x)
        x = (x + lr * grad).clamp(0, 1).detach()
    return x


def wrong_inplace(net, x, target, lr, steps):
    """updates the caller's x in place (x.data += ...), so the input is changed"""
    for _ in range(steps):
        x.requires_grad_(True)
        (grad,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x.data.add_(lr * grad).clamp_(0, 1)
    x.requires_grad_(False)
    return x.detach()


def wrong_off_by_one(net, x, target, lr, steps):
    """off by one: range(1, steps) takes steps-1 steps"""
    x = x.detach().clone()
    for _ in range(1, steps):
        x.requires_grad_(True)
        (grad,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1).detach()
    return x


def wrong_softmax_axis(net, x, target, lr, steps):
    """log_softmax over the batch axis (dim=0) instead of over the classes"""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (grad,) = torch.autograd.grad(torch.log_softmax(net(x), dim=0)[:, target].sum(), x)
        x = (x + lr * grad).clamp(0, 1).detach()
    return x


def wrong_clip_once(net, x, target, lr, steps):
    """clips only once at the end instead of after every step"""
    x = x.detach().clone()
    for _ in range(steps):
        x.requires_grad_(True)
        (grad,) = torch.autograd.grad(torch.log_softmax(net(x), dim=1)[:, target].sum(), x)
        x = (x + lr * grad).detach()
    return x.clamp(0, 1)
