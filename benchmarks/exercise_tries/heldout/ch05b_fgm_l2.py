import torch
import torch.nn.functional as F


def right_guarded(model, x, y, eps):
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    length = grad.norm(dim=1, keepdim=True).clamp_min(1e-12)
    return (x + eps * grad / length).clamp(0, 1).detach()


def right_mean_loss_plain_division(model, x, y, eps):
    xx = x.detach().clone().requires_grad_(True)
    F.cross_entropy(model(xx), y).backward()          # mean: the scale cancels in g / |g|
    g = xx.grad
    unit = g / torch.sqrt((g ** 2).sum(dim=1))[:, None]
    with torch.no_grad():
        return torch.clamp(x + eps * unit, 0.0, 1.0)


def right_linalg_norm(model, x, y, eps):
    xx = x.clone().requires_grad_(True)
    loss = -torch.log_softmax(model(xx), 1)[torch.arange(len(y)), y].sum()
    g = torch.autograd.grad(loss, xx)[0]
    n = torch.linalg.vector_norm(g, ord=2, dim=1, keepdim=True)
    step = torch.where(n > 0, g / torch.where(n > 0, n, torch.ones_like(n)), torch.zeros_like(g))
    return (x + eps * step).clamp(min=0, max=1).detach()


def wrong_norm_of_whole_batch(model, x, y, eps):
    """Divides by one norm of the whole batch's gradient (grad.norm()), not each digit's own."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x + eps * grad / grad.norm()).clamp(0, 1).detach()


def wrong_norm_dim0(model, x, y, eps):
    """Takes the norm along dim=0 (each pixel across the batch) instead of dim=1 (each digit)."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x + eps * grad / grad.norm(dim=0, keepdim=True)).clamp(0, 1).detach()


def wrong_squared_norm(model, x, y, eps):
    """Divides by the squared length ||g||^2 (sum of squares, no square root)."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x + eps * grad / (grad ** 2).sum(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_l1_norm(model, x, y, eps):
    """Divides by the L1 length (sum of |g|) instead of the L2 length."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x + eps * grad / grad.abs().sum(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """Forgets to keep the pixels in [0, 1]."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x + eps * grad / grad.norm(dim=1, keepdim=True)).detach()


def wrong_descends(model, x, y, eps):
    """Moves against the gradient, x - eps * g / ||g||, lowering the loss."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (x - eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_not_detached(model, x, y, eps):
    """Builds x' from the tracked copy xx and never detaches: the result carries gradient history."""
    xx = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(xx), y, reduction="sum"), xx)
    return (xx + eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1)
