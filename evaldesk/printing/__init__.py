"""evaldesk.printing"""
