"""kp-mlx: the MLX backend and MLX implementations of kp's model families. Never imports torch."""

__version__ = "0.1.0"
