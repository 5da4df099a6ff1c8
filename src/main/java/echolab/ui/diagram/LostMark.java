package echolab.ui.diagram;

/** A lost update as drawn in the data region: who overwrote whom, for which client. */
public record LostMark(String writer, String overwritten, String client, long written, long lost, long nanos) {}
