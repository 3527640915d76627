"""The mentoring charters: each pair's charter store, the context a charter is
rendered from, PDF rendering with its font subsets and render cache, batches for printing, and
the sponsor's one-page summary."""
