# src/export/local.mk: one file per export format behind one interface
