"""The graph: IRIs, RDF, SHACL, cross-article resolution, property-graph rows, exports."""
