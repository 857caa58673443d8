"""The network hub: the home page that presents every territory, the catalogue of every
territory's projects, the projects offered for reuse, and each site's sitemap."""
