import numpy as np
import torch
import torch.nn.functional as F


def right_norm_keepdim(model, x, y, eps):
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    step = eps * grad / grad.norm(dim=1, keepdim=True)
    return (x + step).clamp(0, 1).detach()


def right_backward_sqrt(model, x, y, eps):
    model.eval()
    xr = x.detach().clone()
    xr.requires_grad = True
    F.cross_entropy(model(xr), y).backward()   # mean: the 1/n cancels in g / ||g||
    g = xr.grad.detach()
    length = torch.sqrt((g * g).sum(dim=1))[:, None]
    model.zero_grad(set_to_none=True)
    return torch.clamp(x.detach() + eps * g / length, 0.0, 1.0)


def right_normalize(model, x, y, eps):
    model.eval()
    xr = x.detach().clone().requires_grad_()
    logp = torch.log_softmax(model(xr), 1)
    loss = -logp.gather(1, y.view(-1, 1)).sum()
    g = torch.autograd.grad(loss, xr)[0]
    return (x.detach() + eps * F.normalize(g, p=2, dim=1)).clamp(0, 1)


def wrong_batch_norm(model, x, y, eps):
    """divides by the length of the whole batch's gradient, not each digit's own"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad / grad.norm()).clamp(0, 1).detach()


def wrong_sign(model, x, y, eps):
    """uses the sign of the gradient (FGSM's L∞ step) instead of g / ‖g‖"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def wrong_no_clip(model, x, y, eps):
    """forgets to keep the pixels in [0, 1]"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad / grad.norm(dim=1, keepdim=True)).detach()


def wrong_norm_dim0(model, x, y, eps):
    """normalises along the wrong axis: each pixel over the batch (dim=0)"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad / grad.norm(dim=0, keepdim=True)).clamp(0, 1).detach()


def wrong_descends(model, x, y, eps):
    """sign error: moves against the gradient, lowering the loss"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x - eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_nll_on_logits(model, x, y, eps):
    """uses nll_loss on the raw logits (forgets the log-softmax), so L = −logit_y"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.nll_loss(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad / grad.norm(dim=1, keepdim=True)).clamp(0, 1).detach()


def wrong_unnormalised(model, x, y, eps):
    """forgets to divide by ‖g‖: steps by ε·g"""
    model.eval()
    pixels = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(pixels), y, reduction="sum")
    (grad,) = torch.autograd.grad(loss, pixels)
    return (x + eps * grad).clamp(0, 1).detach()
