"""One module per tab: each lays out its components and wires them to its actions."""
