// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace neurorack::cli {

class Cli;

/// "corpus generate" (the training corpus) and "corpus factory-bank" (rebuilds the
/// factory bank from its recipes).
class CorpusCommands
{
public:
    static void registerAll(Cli &cli);
};

} // namespace neurorack::cli
