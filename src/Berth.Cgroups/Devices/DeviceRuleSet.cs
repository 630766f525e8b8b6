using Berth.Oci;

namespace Berth.Cgroups.Devices;

/// <summary>
/// What a devices cgroup allows, kept the way the v1 kernel keeps it (security/device_cgroup.c): a default
/// (allow-all or deny-all) plus exceptions, each a <see cref="DeviceKey"/> with the accesses it flips. Applying
/// rules in order follows the kernel: an "a" rule resets the default and drops every exception; a rule with the
/// default's action removes those accesses from an exception with exactly that key; the opposite action adds them.
/// Like runc's devices emulator, this lets Berth compute the smallest set of writes from the current state to a
/// target (<see cref="TransitionTo"/>), so an update never opens a window where the container has more than it
/// should; and the same canonical exceptions become the cgroup2 eBPF program.
/// </summary>
public sealed class DeviceRuleSet
{
    private readonly SortedDictionary<DeviceKey, DeviceAccess> _exceptions = new();

    private DeviceRuleSet(bool defaultAllow)
    {
        DefaultAllow = defaultAllow;
    }

    /// <summary>True: every device is allowed except the exceptions (a "deny list"); false: only the exceptions are allowed.</summary>
    public bool DefaultAllow { get; private set; }

    /// <summary>The exceptions in canonical order; each one allows (deny-all default) or denies (allow-all default) its access.</summary>
    public IReadOnlyCollection<KeyValuePair<DeviceKey, DeviceAccess>> Exceptions => _exceptions;

    /// <summary>The canonical rule list: the "a" rule setting the default, then one rule per exception.</summary>
    public IEnumerable<DeviceRule> Rules =>
        _exceptions.Select(e => e.Key.Rule(!DefaultAllow, e.Value))
            .Prepend(DefaultAllow ? DeviceRule.AllowAll : DeviceRule.DenyAll);

    /// <summary>Nothing allowed: where a rule list starts, as in runc (a container gets only what its rules allow).</summary>
    public static DeviceRuleSet DenyAll() => new(defaultAllow: false);

    /// <summary>Everything allowed: a new v1 devices cgroup under an unrestricted parent, or "a *:* rwm" in devices.list.</summary>
    public static DeviceRuleSet AllowAll() => new(defaultAllow: true);

    /// <summary>
    /// Starting from deny-all, applies <paramref name="rules"/> in order. A rule that would punch a hole in a wildcard
    /// exception throws <see cref="InvalidSpecException"/> naming linux.resources.devices[index].
    /// </summary>
    public static DeviceRuleSet FromRules(IEnumerable<DeviceRule> rules)
    {
        var set = DenyAll();
        int index = 0;
        foreach (DeviceRule rule in rules)
        {
            set.Apply(rule, $"linux.resources.devices[{index++}]");
        }
        return set;
    }

    /// <summary>Applies one rule as the kernel would; <paramref name="field"/> names it in errors.</summary>
    public void Apply(DeviceRule rule, string field)
    {
        if (rule.Type == DeviceType.All)
        {
            DefaultAllow = rule.Allow;
            _exceptions.Clear();
            return;
        }
        var key = new DeviceKey(rule.Type, rule.Major, rule.Minor);
        if (rule.Allow == DefaultAllow)
        {
            Remove(key, rule.Access, rule, field);
        }
        else
        {
            _exceptions[key] = _exceptions.GetValueOrDefault(key) | rule.Access;
        }
    }

    /// <summary>
    /// The writes that take a cgroup in this state to <paramref name="target"/>, in order: an "a" reset only when the
    /// default differs (or this is a deny list, whose deny exceptions devices.list does not show), then rules taking
    /// away accesses the target lacks, then rules adding the accesses it gains (runc's Emulator.Transition).
    /// </summary>
    public List<DeviceRule> TransitionTo(DeviceRuleSet target)
    {
        var writes = new List<DeviceRule>();
        IReadOnlyDictionary<DeviceKey, DeviceAccess> old = _exceptions;
        if (DefaultAllow || DefaultAllow != target.DefaultAllow)
        {
            writes.Add(target.DefaultAllow ? DeviceRule.AllowAll : DeviceRule.DenyAll);
            old = new Dictionary<DeviceKey, DeviceAccess>();
        }
        foreach (var (key, access) in old.OrderBy(e => e.Key))
        {
            DeviceAccess dropped = access & ~target._exceptions.GetValueOrDefault(key);
            if (dropped != DeviceAccess.None)
            {
                writes.Add(key.Rule(target.DefaultAllow, dropped));
            }
        }
        foreach (var (key, access) in target._exceptions)
        {
            DeviceAccess gained = access & ~old.GetValueOrDefault(key);
            if (gained != DeviceAccess.None)
            {
                writes.Add(key.Rule(!target.DefaultAllow, gained));
            }
        }
        return writes;
    }

    /// <summary>
    /// Whether a cgroup read back as this state matches <paramref name="target"/>: same default, and for an allow list
    /// the same exceptions (a deny list's exceptions cannot be read back from devices.list).
    /// </summary>
    public bool Matches(DeviceRuleSet target) =>
        DefaultAllow == target.DefaultAllow && (DefaultAllow || _exceptions.SequenceEqual(target._exceptions));

    /// <summary>
    /// The kernel only removes an exception with exactly the same key, so "deny c 1:3" does nothing against an
    /// exception "c *:* rwm": refuse that instead of silently keeping the access (runc does the same).
    /// </summary>
    private void Remove(DeviceKey key, DeviceAccess access, DeviceRule rule, string field)
    {
        DeviceKey[] wider = [key with { Major = null }, key with { Minor = null }, key with { Major = null, Minor = null }];
        foreach (DeviceKey wide in wider.Where(w => w != key).Distinct())
        {
            DeviceAccess overlap = _exceptions.GetValueOrDefault(wide) & access;
            if (overlap != DeviceAccess.None)
            {
                string existing = wide.Rule(!DefaultAllow, _exceptions[wide]).ToString();
                throw new InvalidSpecException(
                    $"{field}: \"{rule}\" cannot take '{DeviceAccessText.Format(overlap)}' out of the wider earlier rule \"{existing}\"; " +
                    "device cgroups only remove exact matches: reorder the rules or narrow the wider one");
            }
        }
        DeviceAccess left = _exceptions.GetValueOrDefault(key) & ~access;
        if (left == DeviceAccess.None)
        {
            _exceptions.Remove(key);
        }
        else
        {
            _exceptions[key] = left;
        }
    }
}
