#pragma once

#include <QByteArray>

#include <cstdint>

// A pair of metadata catalog exports for the whole-process diff benchmark: the second
// is the first with a known number of true edits, each of which is exactly one RFC 6902
// operation (a changed value, a member added at the end or removed, an item inserted,
// removed or moved in an array of objects with ids). Deterministic for a seed.
struct CatalogPair
{
    QByteArray before; // JSON text
    QByteArray after;
    int edits = 0;
    int entities = 0;
};

struct CatalogShape
{
    qsizetype bytes = 0; // of the old file, give or take an entity
    int edits = 400;
    std::uint64_t seed = 1;
    bool indented = false;      // four spaces a level, else compact
    bool entityReshapes = true; // about 2% of the edits insert or remove a whole entity
};

CatalogPair makeCatalogPair(const CatalogShape &shape);
