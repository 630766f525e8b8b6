using Berth.Runtime.State;

namespace Berth.Runtime.Container;

public sealed partial class Container
{
    /// <summary>`list`: every container under --root, sorted by id.</summary>
    public static IEnumerable<Container> List(StateStore store)
    {
        foreach (string id in store.Ids())
        {
            Container? c = null;
            try
            {
                c = Load(store, id);
            }
            catch (Oci.BerthException)
            {
                // Removed between listing and loading: skip it.
            }
            if (c is not null) yield return c;
        }
    }
}
