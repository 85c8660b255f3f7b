using System.Collections.Immutable;
using System.Reflection;
using Leefkracht.Data.Documents;

namespace Leefkracht.Monitor.Tests.Documents;

/// <summary>
/// The model file's compile-time JSON metadata (<see cref="ModelJsonContext"/>) lists every type a field of a model
/// holds: a type left out would still be read, by reflection, and quietly bring back the start-up cost it removed.
/// </summary>
public sealed class ModelJsonContextTests
{
    [Fact]
    public void EveryTypeAModelFieldHolds_HasGeneratedMetadata()
    {
        // Given every record and collection a model file is made of, found by walking the fields from the file's root
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([typeof(ModelBody)]);
        var missing = new List<string>();
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            // Then the generated metadata knows each of them
            if (ModelJsonContext.Default.GetTypeInfo(type) is null)
            {
                missing.Add(type.ToString());
            }

            foreach (var held in Held(type))
            {
                pending.Enqueue(held);
            }
        }

        missing.ShouldBeEmpty();
        seen.ShouldContain(typeof(ImmutableArray<Field<ImmutableArray<Field<double>>>>));
        seen.ShouldContain(typeof(ResidualBandBody));
    }

    /// <summary>The types the fields of a record, or the items of a collection, hold (besides text, numbers and booleans).</summary>
    private static IEnumerable<Type> Held(Type type)
    {
        IEnumerable<Type> fields = type.IsAssignableTo(typeof(DocumentBody))
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType)
            : type.GetGenericArguments();
        return fields
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Field<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t != typeof(string) && t != typeof(double) && t != typeof(bool));
    }
}
