namespace OrleansCases.Benchmark.Load;

/// <summary>
/// A case the load drives round a cycle of four transitions that can repeat for as long as the history allows:
/// claim (ForwardedToClinician → UnderReview, a clinician of the region), request-info (→ NeedsInfo, the assignee),
/// resubmit (→ UnderReview, the owner), release (→ ForwardedToClinician, the assignee). Between them every audience
/// of design.md section 3 is exercised: the owner, the assignee and previous assignee, the region's CHWs, the review
/// queue's clinicians, admins. Only one command per case is in flight, so the load knows each next version.
/// </summary>
public sealed class LoadCase(int key, string id, string region, BenchUser owner)
{
    /// <summary>The note every transition carries: request-info, resubmit and release need one; a phone's typical length.</summary>
    public const string Note = "Fever for three days, checked twice; please advise on the next step.";

    private int _step;

    /// <summary>A small number naming the case in the ledger.</summary>
    public int Key { get; } = key;

    public string Id { get; } = id;

    public string Region { get; } = region;

    public BenchUser Owner { get; } = owner;

    public string Status { get; private set; } = "ForwardedToClinician";

    public int Version { get; private set; } = 2;

    public BenchUser? Assignee { get; private set; }

    /// <summary>The next transition, by whom, and the event it will make (not yet applied).</summary>
    public Planned Plan(IReadOnlyList<BenchUser> clinicians, Random random)
    {
        ArgumentNullException.ThrowIfNull(clinicians);
        ArgumentNullException.ThrowIfNull(random);
        var (action, actor, to, assignee) = (_step % 4) switch
        {
            0 => ("claim", clinicians[random.Next(clinicians.Count)], "UnderReview", (BenchUser?)null),
            1 => ("request-info", Assignee!, "NeedsInfo", Assignee),
            2 => ("resubmit", Owner, "UnderReview", Assignee),
            _ => ("release", Assignee!, "ForwardedToClinician", null),
        };
        if (action == "claim")
        {
            assignee = actor;
        }

        var e = new ExpectedEvent(Key, Version + 1, Region, Owner.Id, assignee?.Id, Assignee?.Id, to, Status);
        return new Planned(this, action, actor, assignee, e);
    }

    /// <summary>The planned transition was answered with success.</summary>
    public void Apply(Planned planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        Status = planned.Event.Status;
        Version = planned.Event.Version;
        Assignee = planned.Assignee;
        _step++;
    }

    public sealed record Planned(LoadCase Case, string Action, BenchUser Actor, BenchUser? Assignee, ExpectedEvent Event);
}
