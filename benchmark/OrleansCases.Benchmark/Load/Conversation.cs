using System.Collections.Concurrent;

namespace OrleansCases.Benchmark.Load;

/// <summary>
/// The cases of the conversation scenario (S5): each opened by an ASHA, forwarded and claimed by a clinician of its
/// region before the load starts, so that every conversation has both sides; then messages at a fixed rate (open loop),
/// regions in turn, owner and doctor taking turns on each case. One message per case in flight, so the load knows
/// each next number, and its audience (owner, assignee, the region's CHWs, admins).
/// </summary>
public sealed class Conversation(LoadSession session)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Talk>> _idle = new();

    /// <summary>Opens <paramref name="perRegion"/> cases in each region and brings each to a doctor (not measured).</summary>
    public async Task PrepareAsync(int perRegion, CancellationToken cancellationToken)
    {
        var random = new Random(5);
        var users = session.Users;
        await Parallel.ForEachAsync(users.Regions, cancellationToken, async (region, ct) =>
        {
            var ashas = users.InRegion(region, "asha").ToArray();
            var clinicians = session.Clinicians[region];
            var queue = _idle[region] = new ConcurrentQueue<Talk>();
            for (var i = 0; i < perRegion; i++)
            {
                BenchUser owner, doctor;
                lock (random)
                {
                    (owner, doctor) = (ashas[random.Next(ashas.Length)], clinicians[random.Next(clinicians.Count)]);
                }

                var commandId = Guid.NewGuid().ToString("N");
                var (id, key) = session.NewCase(owner, commandId);
                await Expect(201, session.Target.CreateAsync(owner, commandId, ct));
                await Expect(200, session.Target.ActAsync(owner, id, "forward", Guid.NewGuid().ToString("N"), ct));
                await Expect(200, session.Target.ActAsync(doctor, id, "claim", Guid.NewGuid().ToString("N"), ct));
                queue.Enqueue(new Talk(region, id, key, owner, doctor));
            }
        });
    }

    /// <summary>Messages at <paramref name="rate"/> for <paramref name="duration"/>, each recorded in <paramref name="ledger"/>.</summary>
    public Task RunAsync(DeliveryLedger ledger, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var regions = session.Users.Regions;
        return OpenLoop.PaceAsync(rate, duration, (i, due) =>
        {
            var region = regions[(int)(i % regions.Count)];
            if (!_idle[region].TryDequeue(out var talk))
            {
                ledger.Skipped();
                return null;
            }

            var e = ExpectedEvent.Message(talk.Key, talk.Said + 1, region, talk.Owner.Id, talk.Doctor.Id);
            ledger.Expect(e, due);
            return SayAsync(ledger, talk, e, due, cancellationToken);
        }, cancellationToken);
    }

    private async Task SayAsync(DeliveryLedger ledger, Talk talk, ExpectedEvent e, long due, CancellationToken cancellationToken)
    {
        // Off the scheduler's turn: the next due message must not wait for this one's request to be written.
        await Task.Yield();
        var author = talk.Said % 2 == 0 ? talk.Owner : talk.Doctor;
        int status;
        try
        {
            status = await session.Target.PostMessageAsync(author, talk.CaseId, Guid.NewGuid().ToString("N"), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            status = 0;
        }

        ledger.Answered(e, due, status == 201 ? 200 : status);
        if (status == 201)
        {
            // A case whose message failed leaves the load: its next number is no longer known.
            talk.Said++;
            _idle[talk.Region].Enqueue(talk);
        }
    }

    private static async Task Expect(int status, Task<int> command)
    {
        var answered = await command;
        if (answered != status)
        {
            throw new InvalidOperationException($"Preparing the conversations: a command answered {answered}, not {status}.");
        }
    }

    private sealed class Talk(string region, string caseId, int key, BenchUser owner, BenchUser doctor)
    {
        public string Region { get; } = region;

        public string CaseId { get; } = caseId;

        public int Key { get; } = key;

        public BenchUser Owner { get; } = owner;

        public BenchUser Doctor { get; } = doctor;

        /// <summary>How many messages the case's conversation holds.</summary>
        public int Said { get; set; }
    }
}
