"""Stores behind one interface: embedded (networkx) and Neo4j."""
