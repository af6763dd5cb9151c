// SPDX-License-Identifier: GPL-3.0-or-later
#include "factory.h"

#include "io/documentfile.h"

namespace neurorack {

QString Factory::bankResource()
{
    return QStringLiteral(":/neurorack/factory-bank.json");
}

QStringList Factory::mappingResources()
{
    return {QStringLiteral(":/neurorack/mappings/original.json"), QStringLiteral(":/neurorack/mappings/alternative.json")};
}

Result<Bank> Factory::bank()
{
    return DocumentFile::loadBank(bankResource());
}

Result<Mapping> Factory::originalMapping()
{
    return DocumentFile::loadMapping(mappingResources().at(0));
}

Result<Mapping> Factory::alternativeMapping()
{
    return DocumentFile::loadMapping(mappingResources().at(1));
}

QList<Mapping> Factory::mappings()
{
    QList<Mapping> out;
    for (const QString &path : mappingResources()) {
        if (const auto mapping = DocumentFile::loadMapping(path))
            out << *mapping;
    }
    return out;
}

} // namespace neurorack
