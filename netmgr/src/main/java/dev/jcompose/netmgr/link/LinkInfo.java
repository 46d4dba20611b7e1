package dev.jcompose.netmgr.link;

/** A link found on the host: name, kind ("bridge", "veth", …) and its ifalias. */
public record LinkInfo(String name, String kind, String alias) {}
