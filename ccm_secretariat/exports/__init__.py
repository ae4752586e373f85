"""Documents the secretariat issues, each a generator that yields progress and writes its file atomically."""
