"""Letters of appointment: one for each mentor and mentee of the roster, signed by the
sponsor, in the organisation's colours."""
