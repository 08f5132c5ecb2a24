"""The ``kg`` commands that run SPARQL: ``kg query`` (one query, the answer on standard output)
and ``kg serve`` (a read-only endpoint). :mod:`kg.cli` calls them with the parsed arguments
(:mod:`kg.cli_parser`); an error is raised as a :class:`~kg.errors.KGError`."""

from __future__ import annotations

import sys

from .errors import KGError

__all__ = ["query_command", "serve_command"]


def query_command(args) -> int:
    """``kg query``: SPARQL over graph files or a store, the answer on standard output."""
    if args.list:
        from .shipped import shipped_queries

        queries = shipped_queries()
        width = max(len(n) for n in queries)
        for name, q in queries.items():
            params = ", ".join(f"?{p}" for p in q.parameters)
            print(f"{name:<{width}}  {q.description}" + (f"  [bind {params}]" if params else ""))
        return 0
    from .query import format_result, parse_binding
    from .store import Store

    if not args.args:
        raise KGError("kg query needs a QUERY (SPARQL text, a .rq file or a shipped query name)")
    *graphs, query = args.args
    if not graphs and not args.store:
        raise KGError("kg query needs graph files or --store DIR before the QUERY")
    bindings = {}
    for item in args.bind:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise KGError(f"--bind takes NAME=VALUE, not {item!r}")
        bindings[name.lstrip("?$")] = parse_binding(value)
    from .queryargs import prepare

    prepare(query, bindings)  # a mistyped name, an update, an unknown variable: before loading
    if args.store and args.engine != "oxigraph":
        raise KGError("--store needs the oxigraph engine")
    with Store(args.store, engine=args.engine, read_only=bool(args.store) and not graphs) as store:
        store.load(*graphs)
        sparql, bindings = prepare(query, bindings, is_entity=lambda key: _is_entity(store, key))
        if args.infer:
            from .infer import entailments

            store.add_rdf(entailments(store.graph))
        result = store.query(sparql, bindings, timeout=args.timeout, allow_service=args.allow_service)
    text = format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _is_entity(store, key: str) -> bool:
    """Whether ``kgr:key`` is labelled in the store (a bare ``--bind`` value naming an entity)."""
    from .vocab import KGR

    found = store.query("SELECT ?e WHERE { ?e rdfs:label ?label } LIMIT 1", {"e": KGR[key]})
    return bool(found.rows)


def serve_command(args) -> int:
    """``kg serve``: a read-only SPARQL endpoint until Ctrl-C."""
    from .serve import make_server
    from .store import Store

    from .serve_access import is_loopback, normalise_origin

    if not args.graphs and not args.store:
        raise KGError("kg serve needs graph files or --store DIR")
    try:
        cors = [normalise_origin(o) for o in args.cors]
    except ValueError as exc:
        raise KGError(f"--cors: {exc}") from None
    if not is_loopback(args.host):
        print(f"kg: warning: listening on {args.host}: anyone who can reach this machine's port "
              f"{args.port} can read the whole store", file=sys.stderr, flush=True)
    store = Store(args.store, read_only=bool(args.store) and not args.graphs)
    store.load(*args.graphs)
    server = make_server(store, host=args.host, port=args.port, timeout=args.timeout,
                         max_rows=args.max_rows, memory_mb=args.memory_limit or None,
                         allow_remote=True, cors=cors)
    host, port = str(server.server_address[0]), server.server_address[1]
    print(f"kg: serving {len(store)} triples at http://{host}:{port}/sparql (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        store.close()
    return 0
