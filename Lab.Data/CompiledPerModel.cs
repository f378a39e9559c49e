using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lab.Data;

/// <summary>
/// A compiled query (EF.CompileAsyncQuery) for each model it runs with. A compiled query binds to the model of the first
/// context that runs it and refuses any other; the app has one model, but a process can hold several (the tests start
/// apps and make contexts with other options side by side), each built once and kept for the process's life.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = [];

    public TQuery For(DbContext db) => _queries.GetValue(db.Model, _ => compile());
}
