import ManagedOS
