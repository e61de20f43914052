import torch
import torch.nn.functional as F


def right_sum(model, x, y, eps):
    model.eval()
    xr = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return (x + eps * g.sign()).clamp(0, 1).detach()


def right_mean_backward(model, x, y, eps):
    model.eval()
    xr = x.detach().clone()
    xr.requires_grad = True
    loss = F.cross_entropy(model(xr), y)   # mean: same sign as the sum
    loss.backward()
    with torch.no_grad():
        out = torch.clamp(x + eps * torch.sign(xr.grad), 0.0, 1.0)
    return out


def right_manual(model, x, y, eps):
    model.eval()
    xr = x.detach().requires_grad_()
    logp = torch.log_softmax(model(xr), dim=1)
    loss = -logp.gather(1, y.view(-1, 1)).sum()
    (g,) = torch.autograd.grad(loss, xr)
    return torch.clip(xr.detach() + eps * torch.sign(g), 0, 1)


def wrong_no_eval(model, x, y, eps):
    """forgets model.eval(): the gradient is of the network in training mode"""
    xr = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return (x + eps * g.sign()).clamp(0, 1).detach()


def wrong_minus(model, x, y, eps):
    """sign: steps down the loss (x - eps*sign)"""
    model.eval()
    xr = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return (x - eps * g.sign()).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """forgets the clip into [0, 1]"""
    model.eval()
    xr = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return (x + eps * g.sign()).detach()


def wrong_raw_gradient(model, x, y, eps):
    """steps along the gradient itself instead of its sign"""
    model.eval()
    xr = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return (x + eps * g).clamp(0, 1).detach()


def wrong_requires_grad_on_x(model, x, y, eps):
    """calls x.requires_grad_() on the caller's tensor and backward(): x now tracks gradients and holds .grad"""
    model.eval()
    x.requires_grad_(True)
    F.cross_entropy(model(x), y, reduction="sum").backward()
    return (x + eps * x.grad.sign()).clamp(0, 1).detach()


def wrong_nll_on_logits(model, x, y, eps):
    """uses F.nll_loss on the logits (forgot log_softmax): the loss is minus the true logit"""
    model.eval()
    xr = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.nll_loss(model(xr), y, reduction="sum"), xr)
    return (x + eps * g.sign()).clamp(0, 1).detach()


def wrong_not_detached(model, x, y, eps):
    """builds x' from the tracked copy and returns it with gradient history"""
    model.eval()
    xr = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return (xr + eps * g.sign()).clamp(0, 1)
