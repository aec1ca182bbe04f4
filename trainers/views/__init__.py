"""The trainer's own pages on the site (not the admin): thin views over the services and selectors."""
