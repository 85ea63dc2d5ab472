"""After-sales cases (售后工单): the stage workflow 热情接待 → 道歉 → 补救 → 跟进 → 结案,
remedies, promises and deadlines, the timeline, case search and today's list, the apology
letter, and the case vocabulary."""
