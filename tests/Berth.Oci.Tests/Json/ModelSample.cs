using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Berth.Oci.Tests.Json;

/// <summary>
/// An instance of a model class with EVERY public settable property, all the way down, set to a value no
/// default has (extremes for numbers, strings that need escaping, two elements per list and map), built
/// by reflection so that a property added to the model is in the sample without anyone writing it here.
/// Unknown property types fail loudly: teach this class, and the hand-written reader/writer, the new type.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "tests run on the JIT")]
[UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "tests run on the JIT")]
[UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "tests run on the JIT")]
[UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "tests run on the JIT")]
[UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "tests run on the JIT")]
[UnconditionalSuppressMessage("AOT", "IL3050", Justification = "tests run on the JIT")]
internal static class ModelSample
{
    /// <summary>The model namespace whose classes are built by recursion.</summary>
    internal const string ModelNamespace = "Berth.Oci.Spec";

    internal static T Create<T>() where T : class => (T)Create(typeof(T), typeof(T).Name);

    internal static object Create(Type type, string path)
    {
        object instance = Activator.CreateInstance(type)!;
        foreach (var property in SettableProperties(type))
        {
            property.SetValue(instance, Value(property.PropertyType, path + "." + property.Name));
        }
        return instance;
    }

    /// <summary>The properties System.Text.Json reads and writes: public, instance, with a public setter.</summary>
    internal static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    /// <summary>Every model class reachable from <paramref name="root"/> (itself included).</summary>
    internal static HashSet<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var todo = new Stack<Type>([root]);
        while (todo.TryPop(out var t))
        {
            if (!seen.Add(t)) continue;
            foreach (var p in SettableProperties(t))
            {
                foreach (var inner in Inner(p.PropertyType))
                {
                    if (inner.Namespace == root.Namespace && inner.IsClass) todo.Push(inner);
                }
            }
        }
        return seen;
    }

    private static IEnumerable<Type> Inner(Type t) => t.IsGenericType ? t.GetGenericArguments().SelectMany(Inner).Append(t) : [t];

    private static object Value(Type declared, string path)
    {
        Type t = Nullable.GetUnderlyingType(declared) ?? declared;
        if (t == typeof(string)) return $"{path} \"é\u2028<&>'+\\";
        if (t == typeof(bool)) return true;
        if (t == typeof(int)) return int.MinValue;
        if (t == typeof(uint)) return uint.MaxValue;
        if (t == typeof(long)) return long.MinValue;
        if (t == typeof(ulong)) return ulong.MaxValue;
        if (t == typeof(ushort)) return ushort.MaxValue;
        if (t == typeof(DateTime)) return new DateTime(2026, 11, 23, 16, 13, 43, 123, DateTimeKind.Utc).AddTicks(4567);
        if (t == typeof(byte[])) return new byte[] { 0x20, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xfe };
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(t)!;
            Type element = t.GetGenericArguments()[0];
            list.Add(Value(element, path + "[0]"));
            list.Add(element == typeof(uint) ? 7u : Value(element, path + "[1]"));
            return list;
        }
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) && t.GetGenericArguments()[0] == typeof(string))
        {
            var map = (IDictionary)Activator.CreateInstance(t)!;
            Type element = t.GetGenericArguments()[1];
            map.Add(path + "/first", Value(element, path + "['first']"));
            map.Add("net.ipv4.second", Value(element, path + "['second']"));
            return map;
        }
        if (t.IsClass && (t.Namespace == ModelNamespace || t.Namespace?.StartsWith("Berth.", StringComparison.Ordinal) == true))
        {
            return Create(t, path);
        }
        throw new NotSupportedException($"{path}: {t} is new to the model: teach ModelSample and the hand-written JSON reader/writer");
    }
}
