// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace neurorack::cli {

class Cli;

/// "render" and "model info": the impact model from the command line.
class RenderCommands
{
public:
    static void registerAll(Cli &cli);
};

} // namespace neurorack::cli
