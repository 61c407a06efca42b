namespace OrleansCases.Benchmark.Load;

/// <summary>
/// One place in the load where a case is worked on, from its creation to its completion, and then the next case.
/// Each case goes the way a case goes: create (an ASHA), forward (the ASHA), claim (a clinician of the region),
/// request-info (the assignee), resubmit (the ASHA), release (the assignee), claim (another clinician, maybe), complete
/// (the assignee). Between them every audience of docs/design.md section 3 is exercised: the owner, the assignee and previous
/// assignee, the region's CHWs, the review queue's clinicians, admins. Cases stay short, as real ones are, so a case's
/// answer (which carries its history) stays the size a portal sees. Only one command per place is in flight, so the
/// load knows each next version.
/// </summary>
public sealed class LoadCase(string region, IReadOnlyList<BenchUser> ashas)
{
    /// <summary>The note every transition carries: request-info, resubmit and release need one; a phone's typical length.</summary>
    public const string Note = "Fever for three days, checked twice; please advise on the next step.";

    /// <summary>What every message of the conversation scenario says: a phone's typical length.</summary>
    public const string Message = "Temperature 38.5 this morning, she drank two cups of ORS. Should I bring her in today?";

    /// <summary>What every case says about its patient.</summary>
    public const string Summary = "Fever for three days, cough, not eating well; weight 9.5 kg.";

    private static readonly string[] _script = ["create", "forward", "claim", "request-info", "resubmit", "release", "claim", "complete"];

    private int _step;

    public string Region { get; } = region;

    /// <summary>The case being worked on (null before the first create).</summary>
    public string? Id { get; private set; }

    public int Key { get; private set; }

    public BenchUser? Owner { get; private set; }

    public string? Status { get; private set; }

    public int Version { get; private set; }

    public BenchUser? Assignee { get; private set; }

    /// <summary>
    /// The next transition, by whom, and the event it will make (not yet applied). A create names its new case through
    /// <paramref name="newCase"/>: the target's id for (owner, command id), and the ledger's key for that id.
    /// </summary>
    public Planned Plan(IReadOnlyList<BenchUser> clinicians, Random random, Func<BenchUser, string, (string Id, int Key)> newCase)
    {
        ArgumentNullException.ThrowIfNull(clinicians);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(newCase);
        var commandId = Guid.NewGuid().ToString("N");
        var action = _script[_step % _script.Length];
        if (action == "create")
        {
            var owner = ashas[random.Next(ashas.Count)];
            var (id, key) = newCase(owner, commandId);
            return new Planned(this, action, owner, id, key, owner, commandId, null, new ExpectedEvent(key, 1, Region, owner.Id, null, null, "Open", null));
        }

        var (actor, to, assignee) = action switch
        {
            "forward" => (Owner!, "ForwardedToClinician", (BenchUser?)null),
            "claim" => (clinicians[random.Next(clinicians.Count)], "UnderReview", null),
            "request-info" => (Assignee!, "NeedsInfo", Assignee),
            "resubmit" => (Owner!, "UnderReview", Assignee),
            "release" => (Assignee!, "ForwardedToClinician", null),
            _ => (Assignee!, "Completed", Assignee),
        };
        if (action == "claim")
        {
            assignee = actor;
        }

        var e = new ExpectedEvent(Key, Version + 1, Region, Owner!.Id, assignee?.Id, Assignee?.Id, to, Status);
        return new Planned(this, action, actor, Id!, Key, Owner, commandId, assignee, e);
    }

    /// <summary>The planned transition was answered with success.</summary>
    public void Apply(Planned planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        (Id, Key, Owner) = (planned.CaseId, planned.Key, planned.Owner);
        Status = planned.Event.Status;
        Version = planned.Event.Version;
        Assignee = planned.Assignee;
        _step++;
    }

    public sealed record Planned(
        LoadCase Slot, string Action, BenchUser Actor, string CaseId, int Key, BenchUser Owner, string CommandId, BenchUser? Assignee,
        ExpectedEvent Event)
    {
        public bool IsCreate => Action == "create";
    }
}
