package township.rollup.validation;

/** One operand of an identity: a cell and its weight (+1 or −1). */
record Term(String cellCode, int weight) {
}
