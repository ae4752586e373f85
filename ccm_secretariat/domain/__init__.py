"""Pure domain logic: enums, value types and functions with no storage and no Qt."""
