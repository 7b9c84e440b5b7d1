"""A small U-Net (after milesial/Pytorch-UNet): parts, model, train, predict, evaluate."""
