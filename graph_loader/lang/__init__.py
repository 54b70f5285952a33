"""The language core: what every stage knows about written Chinese and about the genre.

Characters and clause boundaries (`chars`), administrative levels and meeting roles (`levels`),
title normalisation (`titles`), national bodies (`bodies`), meeting kinds (`kinds`), Chinese
numerals (`numerals`), ordinary words (`words`) and the one loader of word lists and tables (`lexicon`). It imports nothing
from the stages; every stage may import it.
"""
