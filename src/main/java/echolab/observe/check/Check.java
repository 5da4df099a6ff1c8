package echolab.observe.check;

/**
 * One requirement of the lab: turns what the check run observed into a verdict with evidence. A
 * check drives nothing itself; {@link CheckDriver} runs the clients and records, checks judge.
 */
interface Check {

    /** The stable id: {@code echo}, {@code burst}, ... */
    String id();

    Verdict judge(Evidence evidence);
}
