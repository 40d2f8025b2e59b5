# The language's own name, shown in the language choice.
language-name = Deutsch
