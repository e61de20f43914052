import torch
import torch.nn.functional as F


def _grad(model, x, y):
    xr = x.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(F.cross_entropy(model(xr), y, reduction="sum"), xr)
    return g


def right_keepdim(model, x, y, eps):
    g = _grad(model, x, y)
    return (x + eps * g / g.norm(dim=1, keepdim=True)).clamp(0, 1).detach()


def right_loop(model, x, y, eps):
    g = _grad(model, x, y)
    rows = []
    for i in range(x.shape[0]):
        gi = g[i]
        rows.append(torch.clamp(x[i] + eps * gi / torch.sqrt((gi ** 2).sum()), 0, 1))
    return torch.stack(rows).detach()


def right_linalg_mean(model, x, y, eps):
    xr = x.detach().clone().requires_grad_()
    F.cross_entropy(model(xr), y).backward()   # mean: the 1/n cancels in g/|g|
    g = xr.grad
    n = torch.linalg.vector_norm(g, ord=2, dim=1)
    with torch.no_grad():
        return torch.clip(x + eps * g / n[:, None], 0.0, 1.0)


def wrong_batch_norm(model, x, y, eps):
    """divides by the length of the whole batch's gradient (one number) instead of each digit's"""
    g = _grad(model, x, y)
    return (x + eps * g / g.norm()).clamp(0, 1).detach()


def wrong_pixel_axis(model, x, y, eps):
    """norm over the wrong axis (dim=0): one length per pixel across the batch"""
    g = _grad(model, x, y)
    return (x + eps * g / g.norm(dim=0, keepdim=True)).clamp(0, 1).detach()


def wrong_sign(model, x, y, eps):
    """copied FGSM: steps by eps * sign(g) instead of eps * g / |g|"""
    g = _grad(model, x, y)
    return (x + eps * g.sign()).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """forgets to keep the pixels in [0, 1]"""
    g = _grad(model, x, y)
    return (x + eps * g / g.norm(dim=1, keepdim=True)).detach()


def wrong_squared_norm(model, x, y, eps):
    """divides by the squared length |g|^2"""
    g = _grad(model, x, y)
    return (x + eps * g / (g ** 2).sum(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_l1_norm(model, x, y, eps):
    """divides by the L1 length sum |g| instead of the L2 length"""
    g = _grad(model, x, y)
    return (x + eps * g / g.abs().sum(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_minus(model, x, y, eps):
    """sign: x - eps g/|g|, down the loss"""
    g = _grad(model, x, y)
    return (x - eps * g / g.norm(dim=1, keepdim=True)).clamp(0, 1).detach()
