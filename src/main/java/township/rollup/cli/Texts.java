package township.rollup.cli;

/** Picks the Chinese or English text of what a command prints. */
record Texts(boolean english) {

	String t(String zh, String en) {
		return english ? en : zh;
	}

}
